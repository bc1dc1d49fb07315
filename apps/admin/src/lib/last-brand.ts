// Remembers the brand the user last worked in, so the start page opens it again.
const STORAGE_KEY = 'fanfare.lastBrandId';

export function readLastBrandId(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function writeLastBrandId(brandId: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, brandId);
  } catch {
    // Storage may be unavailable (private mode); then the first brand opens instead.
  }
}
