CREATE TABLE `agreement_drafts` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`content` text NOT NULL,
	`revision` integer NOT NULL,
	`based_on_version` integer,
	`updated_at` text NOT NULL,
	`updated_by_token_id` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `agreement_shares` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by_token_id` text,
	`revoked_at` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_shares_one_live` ON `agreement_shares` (`workspace_id`) WHERE "agreement_shares"."revoked_at" is null;--> statement-breakpoint
CREATE TABLE `agreement_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`version_id` text NOT NULL,
	`side` text NOT NULL,
	`member_id` text NOT NULL,
	`token_id` text NOT NULL,
	`hash` text NOT NULL,
	`signed_at` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `agreement_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_signatures_side` ON `agreement_signatures` (`version_id`,`side`);--> statement-breakpoint
CREATE TABLE `agreement_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`hash` text NOT NULL,
	`content` text NOT NULL,
	`required_sides` text NOT NULL,
	`proposed_at` text NOT NULL,
	`proposed_by_token_id` text,
	`proposed_by_member_id` text,
	`activated_at` text,
	`superseded_at` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_versions_number` ON `agreement_versions` (`workspace_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_versions_one_active` ON `agreement_versions` (`workspace_id`) WHERE "agreement_versions"."status" = 'active';--> statement-breakpoint
CREATE INDEX `agreement_versions_status` ON `agreement_versions` (`workspace_id`,`status`);--> statement-breakpoint
CREATE TABLE `persona_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`from_sales` text NOT NULL,
	`from_marketing` text NOT NULL,
	`changes` text NOT NULL,
	`next_due_on` text NOT NULL,
	`persona_changed` integer NOT NULL,
	`recorded_by_token_id` text,
	`recorded_by_member_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `persona_reviews_workspace` ON `persona_reviews` (`workspace_id`,`reviewed_on`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`role` text NOT NULL,
	`label` text NOT NULL,
	`member_id` text,
	`token_hash` text NOT NULL,
	`hint` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_workspace` ON `api_tokens` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`side` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_workspace_email` ON `members` (`workspace_id`,`email`);--> statement-breakpoint
CREATE TABLE `workspaces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`timezone` text NOT NULL,
	`language` text NOT NULL,
	`country` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_rows` (
	`workspace_id` text NOT NULL,
	`import_key` text NOT NULL,
	`row_key` text NOT NULL,
	`content_hash` text NOT NULL,
	`lead_id` text NOT NULL,
	`outcome` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `import_key`, `row_key`)
);
--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`lead_id` text NOT NULL,
	`source_id` text,
	`form_id` text,
	`given_at` text NOT NULL,
	`text` text,
	`purposes` text NOT NULL,
	`delivery_key` text
);
--> statement-breakpoint
CREATE INDEX `consents_lead` ON `consents` (`workspace_id`,`lead_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`response` text,
	`sealed_response` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `intake_deliveries` (
	`workspace_id` text NOT NULL,
	`source_id` text NOT NULL,
	`key` text NOT NULL,
	`id` text NOT NULL,
	`body_hash` text NOT NULL,
	`body` text,
	`body_key` text,
	`content_type` text,
	`status` text NOT NULL,
	`error` text,
	`response` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`judged_at` text,
	PRIMARY KEY(`workspace_id`, `source_id`, `key`),
	CONSTRAINT "intake_deliveries_status_known" CHECK("intake_deliveries"."status" in ('stored', 'judged', 'rejected', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intake_deliveries_id` ON `intake_deliveries` (`id`);--> statement-breakpoint
CREATE INDEX `intake_deliveries_created` ON `intake_deliveries` (`created_at`);--> statement-breakpoint
CREATE INDEX `intake_deliveries_status` ON `intake_deliveries` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `intake_deliveries_workspace_status` ON `intake_deliveries` (`workspace_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `lead_events` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`lead_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`occurred_at` text NOT NULL,
	`recorded_at` text NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`source_id` text,
	`campaign` text,
	`agreement_version` integer,
	`payload` text NOT NULL,
	`sealed_payload` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lead_events_lead_seq` ON `lead_events` (`lead_id`,`seq`);--> statement-breakpoint
CREATE INDEX `lead_events_workspace_type` ON `lead_events` (`workspace_id`,`type`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`seq` integer NOT NULL,
	`stage` text NOT NULL,
	`personal` text,
	`email_index` text,
	`phone_index` text,
	`domain_index` text,
	`industry` text,
	`employees` integer,
	`country` text,
	`consent` integer NOT NULL,
	`consent_at` text,
	`owner_id` text,
	`first_source_id` text,
	`last_source_id` text,
	`campaign` text,
	`utm_source` text,
	`utm_medium` text,
	`utm_campaign` text,
	`fit` real NOT NULL,
	`engagement` real NOT NULL,
	`engagement_at` text,
	`quadrant` text NOT NULL,
	`icp_match` integer NOT NULL,
	`marketing_temperature` text,
	`sales_temperature` text,
	`touch_counts` text NOT NULL,
	`submitted_at` text,
	`agreement_version` integer,
	`mql_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`erased_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`attempt_channels` text DEFAULT '[]' NOT NULL,
	`first_attempt_at` text,
	`reached_at` text,
	`accepted_at` text,
	`qualification` text,
	`decided_at` text,
	`sql_at` text,
	`opportunity_at` text,
	`opportunity_amount` real,
	`won_at` text,
	`won_amount` real,
	`currency` text,
	`closed_at` text,
	`stage_reasons` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_workspace_email` ON `leads` (`workspace_id`,`email_index`) WHERE email_index is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `leads_workspace_phone_only` ON `leads` (`workspace_id`,`phone_index`) WHERE email_index is null and phone_index is not null;--> statement-breakpoint
CREATE INDEX `leads_workspace_phone` ON `leads` (`workspace_id`,`phone_index`);--> statement-breakpoint
CREATE INDEX `leads_workspace_stage` ON `leads` (`workspace_id`,`stage`,`updated_at`);--> statement-breakpoint
CREATE INDEX `leads_workspace_owner` ON `leads` (`workspace_id`,`owner_id`,`stage`);--> statement-breakpoint
CREATE INDEX `leads_workspace_updated` ON `leads` (`workspace_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `leads_workspace_created` ON `leads` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `routing` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`rules` text NOT NULL,
	`last_member_id` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`provider` text NOT NULL,
	`origin` text NOT NULL,
	`creates_lead` integer NOT NULL,
	`field_map` text,
	`secret` text NOT NULL,
	`created_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sources_workspace` ON `sources` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `erased_identities` (
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`hash` text NOT NULL,
	`lead_id` text NOT NULL,
	`erased_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `kind`, `hash`)
);
--> statement-breakpoint
CREATE TABLE `person_keys` (
	`workspace_id` text NOT NULL,
	`id` text NOT NULL,
	`lead_id` text,
	`wrapped` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `person_keys_lead` ON `person_keys` (`workspace_id`,`lead_id`);--> statement-breakpoint
CREATE TABLE `workspace_keys` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`master_key_id` text NOT NULL,
	`data_key` text NOT NULL,
	`index_key` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`content_links` text NOT NULL,
	`persona_segment` text,
	`description` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_workspace_key` ON `campaigns` (`workspace_id`,`key`);--> statement-breakpoint
CREATE INDEX `campaigns_workspace_starts` ON `campaigns` (`workspace_id`,`starts_on`);--> statement-breakpoint
CREATE TABLE `funnel_plans` (
	`workspace_id` text NOT NULL,
	`period` text NOT NULL,
	`revenue_target` real NOT NULL,
	`average_deal_size` real NOT NULL,
	`rates` text NOT NULL,
	`marketing_budget` real,
	`currency` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`workspace_id`, `period`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sheet_connections` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`spreadsheet_id` text NOT NULL,
	`service_account_email` text NOT NULL,
	`credential` text,
	`state` text NOT NULL,
	`cursor_events` integer NOT NULL,
	`cursor_transitions` integer NOT NULL,
	`layout` text,
	`last_push_at` text,
	`last_push_rows` integer,
	`last_attempt_at` text,
	`last_error_code` text,
	`last_error_detail` text,
	`last_error_at` text,
	`failures` integer DEFAULT 0 NOT NULL,
	`retry_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sheet_connections_state` ON `sheet_connections` (`state`,`service_account_email`);--> statement-breakpoint
CREATE TABLE `sheet_quota` (
	`service_account_email` text NOT NULL,
	`minute` text NOT NULL,
	`reads` integer NOT NULL,
	`writes` integer NOT NULL,
	PRIMARY KEY(`service_account_email`, `minute`)
);
--> statement-breakpoint
CREATE TABLE `notification_channels` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`secret` text,
	`member_id` text,
	`topics` text NOT NULL,
	`link_base` text NOT NULL,
	`created_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notification_channels_workspace` ON `notification_channels` (`workspace_id`,`deleted_at`);--> statement-breakpoint
CREATE TABLE `notification_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`channel_id` text NOT NULL,
	`topic` text NOT NULL,
	`body` text NOT NULL,
	`body_key` text,
	`named_leads` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`delivered_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_outbox_key` ON `notification_outbox` (`key`);--> statement-breakpoint
CREATE INDEX `notification_outbox_due` ON `notification_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notification_outbox_workspace` ON `notification_outbox` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notification_outbox_created` ON `notification_outbox` (`created_at`);--> statement-breakpoint
CREATE TABLE `sla_deadlines` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`lead_id` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`agreement_version` integer,
	`owner_id` text,
	`started_at` text NOT NULL,
	`due_soon_at` text NOT NULL,
	`due_at` text NOT NULL,
	`escalate_at` text,
	`next_at` text,
	`required_attempts` integer,
	`required_channels` integer,
	`due_soon_recorded_at` text,
	`breached_at` text,
	`escalated_at` text,
	`settled_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_deadlines_key` ON `sla_deadlines` (`workspace_id`,`key`);--> statement-breakpoint
CREATE INDEX `sla_deadlines_sweep` ON `sla_deadlines` (`status`,`next_at`);--> statement-breakpoint
CREATE INDEX `sla_deadlines_status_due` ON `sla_deadlines` (`workspace_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `sla_deadlines_owner` ON `sla_deadlines` (`workspace_id`,`owner_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `sla_deadlines_kind` ON `sla_deadlines` (`workspace_id`,`kind`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `sla_deadlines_lead` ON `sla_deadlines` (`lead_id`);--> statement-breakpoint
CREATE TABLE `sla_sweep_state` (
	`id` text PRIMARY KEY NOT NULL,
	`last_run_at` text NOT NULL,
	`governance_cursor` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sla_transitions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`deadline_id` text NOT NULL,
	`lead_id` text,
	`kind` text NOT NULL,
	`step` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`owner_id` text,
	`at` text NOT NULL,
	`recorded_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sla_transitions_workspace_step` ON `sla_transitions` (`workspace_id`,`step`,`at`);