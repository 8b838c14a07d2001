package org.opencrm.platform.api.sales;

import org.opencrm.platform.api.money.Money;

/**
 * One store's figure over a period: a count (units, transactions) and, where the figure has one, an exact amount
 * ({@code null} when it has none).
 */
public record StoreSales(long storeAccountId, long count, Money amount) {
}
