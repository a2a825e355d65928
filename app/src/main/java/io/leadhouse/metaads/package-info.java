/**
 * Meta (Facebook and Instagram) Lead Ads: the app credentials, connected pages and forms, the
 * webhook, the Graph API client, the inbox worker and the poller that catches missed webhooks.
 */
package io.leadhouse.metaads;
