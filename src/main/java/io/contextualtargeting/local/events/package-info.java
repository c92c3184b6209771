/**
 * The local EventBridge: {@link io.contextualtargeting.local.events.LocalEventBridge} matches events
 * against the templates' own rule patterns and starts the target state machines; S3 object writes
 * become {@link io.contextualtargeting.local.events.S3Events} "Object Created" events.
 */
package io.contextualtargeting.local.events;
