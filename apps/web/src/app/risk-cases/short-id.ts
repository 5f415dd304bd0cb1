/** A risk case id as people say it: `risk-case-1f2e3d4c-...` -> `1f2e3d4c` (the id unchanged when it has no such prefix). */
export function shortCaseId(riskCaseId: string): string {
  const m = /^risk-case-([0-9a-f]{8})/.exec(riskCaseId);
  return m ? m[1] : riskCaseId;
}
