import { assigneeCell, showsSlaBadge } from './queue-row';

describe('showsSlaBadge', () => {
  it('follows the API escalation flag alone, not status or age', () => {
    expect(showsSlaBadge({ escalated: true })).toBe(true);
    expect(showsSlaBadge({ escalated: false })).toBe(false);
  });
});

describe('assigneeCell', () => {
  it("shows the assignee's id whenever there is one", () => {
    expect(assigneeCell({ assigneeId: 'officer-40-02', status: 'ASSIGNED' }, true)).toBe('assignee');
    expect(assigneeCell({ assigneeId: 'officer-40-02', status: 'QUEUED' }, true)).toBe('assignee');
  });

  it('offers "Assign to me" on an unassigned queued case to a user who may take it', () => {
    expect(assigneeCell({ assigneeId: null, status: 'QUEUED' }, true)).toBe('assignToMe');
  });

  it('shows nothing to others or on cases that are no longer queued', () => {
    expect(assigneeCell({ assigneeId: null, status: 'QUEUED' }, false)).toBe('none');
    expect(assigneeCell({ assigneeId: null, status: 'CLOSED' }, true)).toBe('none');
    expect(assigneeCell({ assigneeId: '', status: 'RESULT_RECORDED' }, true)).toBe('none');
  });
});
