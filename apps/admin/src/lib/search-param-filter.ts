// A list filter kept in the URL (`?status=failed`), so a reload or a shared link keeps it.
import { useSearchParams } from 'react-router-dom';

/**
 * The filter `name` from the address: its value when `isValue` accepts it, else null (no filter).
 * Setting a value `isValue` refuses (e.g. "all") removes the parameter; other parameters stay. The
 * history entry is replaced, so filtering adds no steps to the back button.
 */
export function useSearchParamFilter<TValue extends string>(
  name: string,
  isValue: (value: string | null) => value is TValue,
): [TValue | null, (value: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const raw = searchParams.get(name);
  const value = isValue(raw) ? raw : null;

  const setValue = (next: string) => {
    const params = new URLSearchParams(searchParams);
    if (isValue(next)) {
      params.set(name, next);
    } else {
      params.delete(name);
    }
    setSearchParams(params, { replace: true });
  };

  return [value, setValue];
}
