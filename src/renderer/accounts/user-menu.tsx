import { useClient } from '../app/client';
import { useT } from '../i18n/use-t';
import { MenuButton } from '../ui/menu-button';
import { useToast } from '../ui/toast-context';
import { useSession } from './session-context';

/** Who is signed in, in the header, with switch user (the lock screen, where anyone signs in), lock and sign out. */
export function UserMenu() {
  const t = useT().accounts;
  const client = useClient();
  const toast = useToast();
  const { state, set } = useSession();
  if (state.mode !== 'accounts' || !state.user) return null;
  const act = (method: 'accounts/lock' | 'accounts/sign-out') => () =>
    void client.call(method, {}).then((r) => (r.ok ? set(r.value) : toast.show('error', r.error.message)));
  return (
    <MenuButton
      label={t.menuLabel(state.user.name, t.role[state.user.role])}
      testId="user-menu"
      items={[
        { id: 'switch', label: t.switchUser, onSelect: act('accounts/lock') },
        { id: 'sign-out', label: t.signOut, onSelect: act('accounts/sign-out') },
      ]}
    />
  );
}
