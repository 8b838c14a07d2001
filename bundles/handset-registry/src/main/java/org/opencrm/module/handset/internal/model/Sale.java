package org.opencrm.module.handset.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A warranty card (三包凭证): one sale of one unit. An exchange closes the card of the old unit and opens one for the
 * new unit with the same owner, store, invoice and sale date, whose warranty starts again on the exchange day.
 */
@Entity
@Table(name = "HS_SALE", indexes = {
        @Index(name = "HS_SALE_HANDSET", columnList = "HANDSETID,ID"),
        @Index(name = "HS_SALE_CONTACT", columnList = "CONTACTID") })
public class Sale {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "handsetSaleIds")
    @TableGenerator(name = "handsetSaleIds", table = "HS_SEQUENCE", pkColumnValue = "SALE", allocationSize = 200)
    public Long id;
    @Column(nullable = false)
    public Long handsetId;
    /** The owner: a core contact. */
    @Column(nullable = false)
    public Long contactId;
    public Long retailerAccountId;
    @Column(nullable = false)
    public Long storeAccountId;
    @Column(length = 64)
    public String invoiceNumber;
    /** The day of the original sale; return and exchange windows count from it (day 0). */
    @Column(nullable = false)
    public LocalDate saleDate;
    /** First day covered: the sale date, or the exchange date for a unit received in an exchange. */
    @Column(nullable = false)
    public LocalDate warrantyStart;
    /** Last day covered (inclusive). */
    @Column(nullable = false)
    public LocalDate warrantyUntil;
    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    public CaptureChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public SaleStatus status;
    /** The day of the return or exchange that closed this card. */
    public LocalDate closedOn;
    /** The card this one replaced in an exchange. */
    public Long previousSaleId;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
    @Version
    public long version;
}
