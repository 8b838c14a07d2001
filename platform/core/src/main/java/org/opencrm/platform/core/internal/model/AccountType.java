package org.opencrm.platform.core.internal.model;

/** The kinds of companies in a brand's channel and service network. */
public enum AccountType {
    END_CUSTOMER_COMPANY, OPERATOR, NATIONAL_DISTRIBUTOR, PROVINCIAL_DISTRIBUTOR, REGIONAL_DISTRIBUTOR, RETAIL_CHAIN,
    STORE, SERVICE_PROVIDER, FRANCHISEE
}
