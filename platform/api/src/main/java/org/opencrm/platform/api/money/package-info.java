/**
 * Exact CNY amounts: {@link org.opencrm.platform.api.money.Money}, a long count of fen with one set of rules for
 * reading amounts from the wire (at most 2 decimals, the field named on refusal), writing them back, displaying them (¥1,288.50) and computing with
 * them (overflow refused, half-up rounding where a factor makes it necessary).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.opencrm.platform.api.money;
