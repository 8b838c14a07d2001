package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** A bad-debt write-off of an invoice's open amount: requested, then approved (written to the ledger) or rejected. */
@Entity
@Table(name = "CF_WRITE_OFF", indexes = { @Index(name = "CF_WRITE_OFF_ACCOUNT", columnList = "ACCOUNTID,ID") })
public class WriteOff {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "WRITE_OFF")
    @TableGenerator(name = "WRITE_OFF", table = "CF_SEQUENCE", pkColumnValue = "WRITE_OFF", allocationSize = 50)
    public Long id;
    public long accountId;
    public long invoiceId;
    public long amountFen;
    @Column(length = 500)
    public String reason;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public WriteOffStatus status;
    @Column(length = 64)
    public String requestedBy;
    public Instant requestedAt;
    @Column(length = 64)
    public String decidedBy;
    public Instant decidedAt;
    public LocalDate writtenOffOn;
}
