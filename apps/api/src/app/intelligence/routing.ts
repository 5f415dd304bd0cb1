import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { RiskCaseRouting } from '@customs/workflows/messages';

/** The facts a routing rule may use. */
export interface RoutingFacts {
  sourceType: string;
  riskArea: string;
  smugglingSubtype: string | null;
  /** Office that reported it (local detections), or null. */
  reportingOfficeId: string | null;
  /** Office of the port the intelligence concerns, or null. */
  portOfficeId: string | null;
  /** HS chapters (2 digits) of the goods named. */
  hsChapters: string[];
}

/** The rule used when no routing rule fires: the CBTC desk assesses everything else. */
export const DEFAULT_ROUTE_RULE = 'default';

/**
 * Routing rules (`rules/routing/*.json`, json-rules-engine rules: `name`, `priority`,
 * `conditions`, `event.params` = `{ route: 'CBTC' | 'LOCAL', officeFact?, reason }`).
 * The fired rule of highest priority (then name) decides; none fired: the CBTC desk.
 * Every decision names the rule and its reason.
 */
export class IntelligenceRouter {
  private constructor(private readonly rules: RuleProperties[]) {}

  /** Loads and checks every rule file of `dir`. @throws Error naming the file of a bad rule. */
  static fromDir(dir: string): IntelligenceRouter {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
    const rules = files.map((f) => {
      const rule = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as RuleProperties;
      const params = (rule.event?.params ?? {}) as Record<string, unknown>;
      if (rule.name !== path.basename(f, '.json')) throw new Error(`${f}: name must equal the file name`);
      if (params.route !== 'CBTC' && params.route !== 'LOCAL') throw new Error(`${f}: event.params.route must be CBTC or LOCAL`);
      if (params.route === 'LOCAL' && params.officeFact !== 'reportingOfficeId' && params.officeFact !== 'portOfficeId') {
        throw new Error(`${f}: a LOCAL route needs event.params.officeFact reportingOfficeId or portOfficeId`);
      }
      if (typeof params.reason !== 'string' || params.reason === '') throw new Error(`${f}: event.params.reason must explain the route`);
      return rule;
    });
    return new IntelligenceRouter(rules);
  }

  /** Names of the loaded rules. */
  get ruleIds(): string[] {
    return this.rules.map((r) => String(r.name));
  }

  /** Routes one report. A new Engine per call: runs never share engine state. */
  async route(facts: RoutingFacts): Promise<RiskCaseRouting> {
    const engine = new Engine(this.rules, { allowUndefinedFacts: true });
    const { results } = await engine.run({ ...facts });
    const fired = results
      .map((r) => ({ name: String(r.name), priority: Number(r.priority ?? 1), params: (r.event?.params ?? {}) as Record<string, string> }))
      .sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
    for (const rule of fired) {
      if (rule.params.route === 'CBTC') return { route: 'CBTC', officeIds: [], ruleId: rule.name, reason: rule.params.reason };
      const office = facts[rule.params.officeFact as 'reportingOfficeId' | 'portOfficeId'];
      if (office) return { route: 'LOCAL', officeIds: [office], ruleId: rule.name, reason: rule.params.reason };
    }
    return { route: 'CBTC', officeIds: [], ruleId: DEFAULT_ROUTE_RULE, reason: 'no routing rule applies: the CBTC desk assesses it' };
  }
}
