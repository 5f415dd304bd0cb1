/**
 * SQL expressions over a `decision_record` row aliased `dr`: the deciding basis (`SelectionBasis`
 * of @customs/decision) and whether the control draw picked it, with a fallback for decisions
 * recorded before `selectionBasis` existed (control flag -> CONTROL, a criteria lane -> CRITERION,
 * any other selection -> MODEL).
 */
export const SELECTION_BASIS_SQL = {
  decidedBy: `coalesce(dr.record->'selectionBasis'->>'decidedBy',
      CASE WHEN dr.control_sample THEN 'CONTROL'
           WHEN dr.record->>'criteriaLane' IS NOT NULL AND dr.record->>'criteriaLane' <> 'GREEN' THEN 'CRITERION'
           WHEN dr.lane <> 'GREEN' THEN 'MODEL' END)`,
  reasons: `coalesce(dr.record->'selectionBasis'->'reasons',
      CASE WHEN dr.control_sample THEN '["CONTROL"]'::jsonb ELSE '[]'::jsonb END)`,
  controlDrawn: `(dr.control_sample OR coalesce(dr.record->'selectionBasis'->'reasons' ? 'CONTROL', false))`,
} as const;
