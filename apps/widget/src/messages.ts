/**
 * Every string the fan sees, in each language the widget speaks. Until the rewards arrive (a later
 * issue), the panel says plainly that they are coming, and promises nothing the shop has not set up.
 */
import { type Locale } from '@fanfare/shared';

export interface Messages {
  /** The launcher button's accessible name. */
  launcherLabel: string;
  panelTitle: string;
  comingSoon: string;
  nothingYet: string;
  close: string;
}

export const MESSAGES: Readonly<Record<Locale, Messages>> = {
  en: {
    launcherLabel: 'Fanfare rewards',
    panelTitle: 'Fanfare rewards',
    comingSoon: 'Rewards are coming to this shop soon.',
    nothingYet: 'There is nothing to collect yet. Check back later!',
    close: 'Close',
  },
  de: {
    launcherLabel: 'Fanfare-Prämien',
    panelTitle: 'Fanfare-Prämien',
    comingSoon: 'Bald gibt es in diesem Shop Prämien.',
    nothingYet: 'Noch gibt es nichts zu sammeln. Bis bald!',
    close: 'Schließen',
  },
};
