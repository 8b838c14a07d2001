package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A payment and where it went. */
public record PaymentData(long id, String number, long accountId, String method, BigDecimal amount, BigDecimal unallocated, LocalDate receivedOn, String reference, List<AllocationData> allocations) {
}
