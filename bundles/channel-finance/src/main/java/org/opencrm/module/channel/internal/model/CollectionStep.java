package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** A collection step taken for an overdue invoice at one level (1: 1-30 days, 2: 31-60, 3: 61-90, 4: over 90); once per invoice and level. */
@Entity
@Table(name = "CF_COLLECTION_STEP", uniqueConstraints = @UniqueConstraint(name = "CF_COLLECTION_STEP_LEVEL", columnNames = { "INVOICEID", "STEPLEVEL" }))
public class CollectionStep {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "COLLECTION_STEP")
    @TableGenerator(name = "COLLECTION_STEP", table = "CF_SEQUENCE", pkColumnValue = "COLLECTION_STEP", allocationSize = 50)
    public Long id;
    public long accountId;
    public long invoiceId;
    public int stepLevel;
    public int overdueDays;
    public long openFen;
    @Column(length = 30)
    public String action;
    public LocalDate takenOn;
    /**
     * What the reminder says, as a key of the module's messages and its arguments ({@code ChannelTexts}), said in each
     * reader's language (null on steps taken before it was kept).
     */
    @Column(length = 60)
    public String messageKey;
    @Column(length = 300)
    public String messageArgs;
    /** The core activity (payment reminder) recorded for the account manager with this step. */
    public Long activityId;
    public Instant createdAt;
}
