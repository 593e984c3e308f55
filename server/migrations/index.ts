import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122180602_initial } from './Migration20261122180602_initial.js';
import { Migration20261122181908_access } from './Migration20261122181908_access.js';
import { Migration20261122182930_overlap } from './Migration20261122182930_overlap.js';
import { Migration20261122190538_experience_effect_governance } from './Migration20261122190538_experience_effect_governance.js';
import { Migration20261123122052_races_and_idempotency } from './Migration20261123122052_races_and_idempotency.js';
import { Migration20261123125803_content_words } from './Migration20261123125803_content_words.js';
import { Migration20261123133649_method_inference } from './Migration20261123133649_method_inference.js';
import { Migration20261123140500_reason_helpers } from './Migration20261123140500_reason_helpers.js';
import { Migration20261123142000_deciders_are_people } from './Migration20261123142000_deciders_are_people.js';
import { Migration20261123162854_activity_page_indexes } from './Migration20261123162854_activity_page_indexes.js';
import { Migration20261204161214_learned_kind } from './Migration20261204161214_learned_kind.js';
import { Migration20261204174225_learned_from_guesses } from './Migration20261204174225_learned_from_guesses.js';
import { Migration20261204190310_covering_overlap_index } from './Migration20261204190310_covering_overlap_index.js';
import { Migration20261204203358_activity_reference } from './Migration20261204203358_activity_reference.js';
import { Migration20261204224035_notifications } from './Migration20261204224035_notifications.js';
import { Migration20261205045106_notification_settings } from './Migration20261205045106_notification_settings.js';
import { Migration20261205063235_highlight_items } from './Migration20261205063235_highlight_items.js';
import { Migration20261205071702_live_activity_indexes } from './Migration20261205071702_live_activity_indexes.js';
import { Migration20261205090000_read_helpers } from './Migration20261205090000_read_helpers.js';
import { Migration20261205100000_user_revocation } from './Migration20261205100000_user_revocation.js';
import { Migration20261205120000_shared_rate_limit } from './Migration20261205120000_shared_rate_limit.js';

/** Committed migrations in the order they apply; `npm run migration:create` appends to this list. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122180602_initial', class: Migration20261122180602_initial },
  { name: 'Migration20261122181908_access', class: Migration20261122181908_access },
  { name: 'Migration20261122182930_overlap', class: Migration20261122182930_overlap },
  { name: 'Migration20261122190538_experience_effect_governance', class: Migration20261122190538_experience_effect_governance },
  { name: 'Migration20261123122052_races_and_idempotency', class: Migration20261123122052_races_and_idempotency },
  { name: 'Migration20261123125803_content_words', class: Migration20261123125803_content_words },
  { name: 'Migration20261123133649_method_inference', class: Migration20261123133649_method_inference },
  { name: 'Migration20261123140500_reason_helpers', class: Migration20261123140500_reason_helpers },
  { name: 'Migration20261123142000_deciders_are_people', class: Migration20261123142000_deciders_are_people },
  { name: 'Migration20261123162854_activity_page_indexes', class: Migration20261123162854_activity_page_indexes },
  { name: 'Migration20261204161214_learned_kind', class: Migration20261204161214_learned_kind },
  { name: 'Migration20261204174225_learned_from_guesses', class: Migration20261204174225_learned_from_guesses },
  { name: 'Migration20261204190310_covering_overlap_index', class: Migration20261204190310_covering_overlap_index },
  { name: 'Migration20261204203358_activity_reference', class: Migration20261204203358_activity_reference },
  { name: 'Migration20261204224035_notifications', class: Migration20261204224035_notifications },
  { name: 'Migration20261205045106_notification_settings', class: Migration20261205045106_notification_settings },
  { name: 'Migration20261205063235_highlight_items', class: Migration20261205063235_highlight_items },
  { name: 'Migration20261205071702_live_activity_indexes', class: Migration20261205071702_live_activity_indexes },
  { name: 'Migration20261205090000_read_helpers', class: Migration20261205090000_read_helpers },
  { name: 'Migration20261205100000_user_revocation', class: Migration20261205100000_user_revocation },
  { name: 'Migration20261205120000_shared_rate_limit', class: Migration20261205120000_shared_rate_limit },
];
