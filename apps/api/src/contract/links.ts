import type { LinkObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * OpenAPI links of the success answers (`@Responds`' fourth argument): from a field of an answer
 * to the operation that takes it as a parameter under another name (`riskCaseId` -> `{id}` of
 * `/api/risk-cases/{id}`), where a client, or schemathesis' stateful phase, could not tell by the
 * names alone. Operation ids are `<Controller>_<method>`; `pointer` is a JSON pointer into the
 * answer's body (`/riskCases/0/riskCaseId`).
 */
type Links = Record<string, LinkObject>;

const body = (pointer: string) => `$response.body#${pointer}`;

/** From an answer naming a risk case to the operations on that case: read, assess, draft a criterion, adjust the window, close. */
export function riskCaseLinks(pointer: string): Links {
  const parameters = { id: body(pointer) };
  return {
    GetRiskCase: { operationId: 'RiskCasesController_get', parameters, description: 'The risk case' },
    AssessRiskCase: { operationId: 'RiskCasesController_assess', parameters, description: 'Assess it (IDENTIFIED)' },
    DraftRiskCaseCriterion: { operationId: 'RiskCasesController_draftCriterion', parameters, description: 'Draft a criterion from it (assessed for targeting)' },
    AdjustRiskCaseWindow: { operationId: 'RiskCasesController_adjustWindow', parameters, description: 'Extend or end its validity window (ACTIVE)' },
    CloseRiskCase: { operationId: 'RiskCasesController_close', parameters, description: 'Close it (FEEDBACK)' },
  };
}

/**
 * From `GET /api/risk-cases` to reporting intelligence, which opens a risk case (or links the
 * report to the open one about the same subjects). It carries no value: it says where the
 * lifecycle starts. Without it schemathesis' stateful phase never starts from the intake, whose
 * optional `reportingOfficeId` and `portOfficeId` it takes for references to resources no
 * operation creates.
 */
export function intakeLinks(): Links {
  return {
    ReportIntelligence: { operationId: 'IntelligenceController_register', description: 'Report intelligence: opens a risk case, or is linked to the open one about the same subjects' },
  };
}

/** From an answer naming an intelligence report to its attachments: upload one, list them. */
export function reportLinks(pointer: string): Links {
  const parameters = { id: body(pointer) };
  return {
    AddReportAttachment: { operationId: 'IntelligenceController_addAttachment', parameters, description: 'Attach a document or photo to the report' },
    ListReportAttachments: { operationId: 'IntelligenceController_listAttachments', parameters, description: 'The report\u2019s attachments' },
  };
}

/** From an answer with a criterion version drafted from a risk case (`/criterion`, `/riskCase`) to its approval, the criterion, and its retirement. */
export function draftedCriterionLinks(): Links {
  return {
    ApproveCriterionVersion: {
      operationId: 'CriteriaController_approve',
      parameters: { id: body('/criterion/id'), version: body('/criterion/version') },
      description: 'Approve the drafted version (another user than its author)',
    },
    GetCriterion: { operationId: 'CriteriaController_get', parameters: { id: body('/criterion/id') }, description: 'Every version of the criterion' },
    RetireRiskCaseCriterion: {
      operationId: 'RiskCasesController_retireCriterion',
      parameters: { id: body('/riskCase/riskCaseId'), criterionId: body('/criterion/id') },
      description: 'Retire the criterion once in force',
    },
    ...riskCaseLinks('/riskCase/riskCaseId'),
  };
}

/** From `GET /api/models` to the promotion of the first model version listed. */
export function modelLinks(): Links {
  return {
    PromoteModel: { operationId: 'ModelsController_promote', parameters: { version: body('/models/0/version') }, description: 'Make this model version the champion' },
  };
}

/** From an answer naming an office's risk policy (`/officeId`) to its history, and to the policy in force. */
export function riskPolicyLinks(): Links {
  const parameters = { officeId: body('/officeId') };
  return {
    GetRiskPolicyHistory: { operationId: 'RiskPolicyController_history', parameters, description: 'Every version of the office\u2019s policy' },
    GetRiskPolicy: { operationId: 'RiskPolicyController_get', parameters, description: 'The policy in force' },
  };
}

/** From a screening answer (`/declarationId`) to the stored decision and its replay. */
export function declarationLinks(pointer: string): Links {
  const parameters = { id: body(pointer) };
  return {
    GetSelectionTrace: { operationId: 'SelectionController_selection', parameters, description: 'The decision record and its trace' },
    ReplayDecision: { operationId: 'DecisionReplayController_replay', parameters, description: 'The decision derived again and compared' },
  };
}
