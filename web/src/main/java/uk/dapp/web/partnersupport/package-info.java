/**
 * The partner support worker's pages (issue 18), behind the confidentiality firewall: every read
 * and write is a call to partner-support-service through the gateway with the worker's own token,
 * which refuses every other role and answers 404 for a track outside the worker's teams (ADR 0012).
 * Each page carries GOV.UK's "Exit this page" ({@code layout/PageAttributes}). Safe contact details
 * are read only on a deliberate, audited action ({@code contact/SafeContactController}) and are held
 * nowhere in the web app. Page titles never carry a partner's name (they end up in the browser's
 * history); the addresses carry track and case IDs only.
 */
package uk.dapp.web.partnersupport;
