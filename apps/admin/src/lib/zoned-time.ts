// Wall-clock times in a given IANA zone for `<input type="datetime-local">`, which has no zone of its
// own. The admin edits schedules in the brand's time zone (the zone its caps and reports use), not
// the browser's, so a campaign starts at the same moment whoever edits it.
import { timeZoneOffsetMs } from '@fanfare/shared';

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The instant as `YYYY-MM-DDTHH:mm` on the zone's wall clock; '' for no value. */
export function toZonedInput(value: string | Date | null | undefined, timeZone: string): string {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const wall = new Date(date.getTime() + timeZoneOffsetMs(date, timeZone));
  return wall.toISOString().slice(0, 16);
}

/** The ISO instant a wall-clock time in the zone stands for; null when the text is not a time. */
export function fromZonedInput(text: string, timeZone: string): string | null {
  const match = LOCAL_INPUT.exec(text);
  if (!match) {
    return null;
  }
  const [, year, month, day, hour, minute, second] = match;
  const wall = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second ?? 0),
  );
  // The offset depends on the instant, which depends on the offset: two rounds settle it (also
  // around daylight-saving changes).
  let instant = wall - timeZoneOffsetMs(new Date(wall), timeZone);
  instant = wall - timeZoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant).toISOString();
}
