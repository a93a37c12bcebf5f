package com.quickcart.order.operator;

/** What a staff member may do; owners (ADMIN_IDS) may do everything, including managing staff. */
public enum Permission {
    CATALOG, STOCK, VOUCHERS, CUSTOMERS, FINANCE, BROADCAST, SUPPORT
}
