import { useLocation } from 'react-router-dom';

/** Where to go after signing in: the page that sent the user to the login, if it is one of ours. */
export function useReturnPath(): string {
  const location = useLocation();
  const state: unknown = location.state;
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    if (
      typeof from === 'string' &&
      from.startsWith('/') &&
      !from.startsWith('//') &&
      !from.startsWith('/login')
    ) {
      return from;
    }
  }
  return '/';
}
