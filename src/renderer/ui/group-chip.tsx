import type { Group } from '../../shared/contract/contacts';

/** A group as a small coloured pill (the colour is the user's choice for the group). */
export function GroupChip({ group, compact = false }: { group: Pick<Group, 'name' | 'color'>; compact?: boolean }) {
  return (
    <span className={compact ? 'group-chip compact' : 'group-chip'} title={group.name} data-testid="group-chip">
      <span className="group-dot" style={{ background: group.color }} aria-hidden="true" />
      {/* The name's own direction: a Persian name in the English UI is cut at its end, not its start. */}
      <span className="group-chip-name" dir="auto">
        {group.name}
      </span>
    </span>
  );
}
