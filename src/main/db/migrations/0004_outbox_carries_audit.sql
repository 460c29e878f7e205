-- Hand-written: the queued audit rows become outbox rows (commands `audit.read` and
-- `audit.scopeExitsConfirmed`) before their tables go, so nothing waiting for a push is lost.
-- Sequence numbers continue from sync_state.next_outbox_seq in recorded order; rules version
-- is the RULES_VERSION of this release, contract version 1 (services/mutating.ts).
INSERT OR IGNORE INTO `sync_state` (`id`, `device_id`) SELECT 1, lower(hex(randomblob(16))) WHERE (SELECT count(*) FROM `audit_reads`) + (SELECT count(*) FROM `audit_events`) > 0;--> statement-breakpoint
INSERT INTO `outbox` (`id`, `seq`, `command`, `payload`, `contract_version`, `rules_version`, `recorded_at`, `recorded_at_server_estimate`, `user_id`, `person_id`)
SELECT q.`id`,
  (SELECT `next_outbox_seq` FROM `sync_state` WHERE `id` = 1) + row_number() OVER (ORDER BY q.`at`, q.`id`) - 1,
  q.`command`, q.`payload`, 1, '2017-2020.1', q.`at`,
  strftime('%Y-%m-%dT%H:%M:%fZ', q.`at`, ((SELECT `server_offset_ms` FROM `sync_state` WHERE `id` = 1) / 1000.0) || ' seconds'),
  coalesce((SELECT json_extract(`user`, '$.id') FROM `session_profile` WHERE `id` = 1), ''),
  q.`person_id`
FROM (
  SELECT `id`, `read_at` AS `at`, 'audit.read' AS `command`, json_object('personId', `person_id`) AS `payload`, `person_id` FROM `audit_reads`
  UNION ALL
  SELECT `id`, `at`, 'audit.scopeExitsConfirmed', json_object('count', json_extract(`details`, '$.count'), 'total', json_extract(`details`, '$.total')), NULL FROM `audit_events`
) AS q;--> statement-breakpoint
UPDATE `sync_state` SET `next_outbox_seq` = `next_outbox_seq` + (SELECT count(*) FROM `audit_reads`) + (SELECT count(*) FROM `audit_events`) WHERE `id` = 1;--> statement-breakpoint
DROP TABLE `audit_reads`;--> statement-breakpoint
DROP TABLE `audit_events`;
