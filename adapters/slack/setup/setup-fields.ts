import type { WorkspaceSetup, WorkspaceSetupFields } from '../workspace-setups.ts';

/** What /setup decides of a setup, without what the ledger adds (its team, collective, and who set it up when). */
export function setupFields(setup: WorkspaceSetup): WorkspaceSetupFields {
  const { teamId: _team, collectiveId: _collective, setUpBy: _by, setUpAt: _at, ...fields } = setup;
  return fields;
}
