import { DEMO_USERS } from '@customs/identity';
import { login } from './login';

/**
 * `npm run token -- <username> [--api URL]`
 *
 * Prints a bearer token for a demo user (README, "Demo users") from a running API, for curl
 * and scripts: `curl -H "Authorization: Bearer $(npm run -s token -- officer-40-01)" ...`.
 * The password comes from the demo directory; `--password` overrides it.
 * Exits 1 when the login is refused or the API is unreachable, 2 on bad arguments.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let username = '';
  let password: string | undefined;
  let api = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--api') api = argv[++i] ?? '';
    else if (argv[i] === '--password') password = argv[++i];
    else if (!username) username = argv[i];
    else usage(`unexpected argument ${argv[i]}`);
  }
  if (!username) usage('missing username');
  const known = DEMO_USERS.find((u) => u.username === username);
  if (!known && password === undefined) usage(`${username} is not a demo user; pass --password`);
  const res = await login(api.replace(/\/$/, ''), username, password ?? known!.password);
  process.stdout.write(res.accessToken + '\n');
}

function usage(problem: string): never {
  const names = DEMO_USERS.map((u) => `${u.username} (${u.role}${u.officeId ? `, office ${u.officeId}` : ''})`).join('\n  ');
  process.stderr.write(`token: ${problem}\nusage: npm run token -- <username> [--api http://127.0.0.1:3000] [--password PW]\ndemo users:\n  ${names}\n`);
  process.exit(2);
}

main().catch((err) => {
  process.stderr.write(`token failed: ${(err as Error).message}\n`);
  process.exit(1);
});
