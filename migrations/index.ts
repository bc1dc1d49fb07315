import { type MigrationInterface } from 'typeorm';

import { Analytics1795806000000 } from './1795806000000-Analytics';
import { EarningEngine1795781500627 } from './1795781500627-EarningEngine';
import { EventWindowIndex1795806600000 } from './1795806600000-EventWindowIndex';
import { IdentityExportIndex1795807200000 } from './1795807200000-IdentityExportIndex';
import { Connectors1795810000000 } from './1795810000000-Connectors';
import { OutboundWebhooks1795811000000 } from './1795811000000-OutboundWebhooks';
import { EventImports1795812000000 } from './1795812000000-EventImports';
import { WebhookEndpointDueIndex1795813000000 } from './1795813000000-WebhookEndpointDueIndex';
import { JobQueue1795788312890 } from './1795788312890-JobQueue';
import { Foundation1795778725495 } from './1795778725495-Foundation';
import { Redemptions1795792572967 } from './1795792572967-Redemptions';
import { Rewards1795791417765 } from './1795791417765-Rewards';
import { Widget1795796595767 } from './1795796595767-Widget';

/** Every migration in order. A test checks that each file in this folder is listed here. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Foundation1795778725495,
  EarningEngine1795781500627,
  JobQueue1795788312890,
  Rewards1795791417765,
  Redemptions1795792572967,
  Widget1795796595767,
  Analytics1795806000000,
  EventWindowIndex1795806600000,
  IdentityExportIndex1795807200000,
  Connectors1795810000000,
  OutboundWebhooks1795811000000,
  EventImports1795812000000,
  WebhookEndpointDueIndex1795813000000,
];
