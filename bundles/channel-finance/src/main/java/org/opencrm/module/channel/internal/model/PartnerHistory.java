package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** A change of a partner's grade, credit limit, term or credit status: kept for ever, with its reason. */
@Entity
@Table(name = "CF_HISTORY", indexes = { @Index(name = "CF_HISTORY_ACCOUNT", columnList = "ACCOUNTID,ID") })
public class PartnerHistory {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "HISTORY")
    @TableGenerator(name = "HISTORY", table = "CF_SEQUENCE", pkColumnValue = "HISTORY", allocationSize = 50)
    public Long id;
    public long accountId;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public HistoryKind kind;
    @Column(length = 40)
    public String fromValue;
    @Column(length = 40)
    public String toValue;
    /** The reason in English words (a system's) or as typed (a user's). */
    @Column(length = 500)
    public String reason;
    /** A system's reason as the module's text, said in the reader's language (null: {@code reason} as it is). */
    @Column(length = 64)
    public String reasonKey;
    /** Its values, {@link org.opencrm.module.channel.internal.service.ChannelTexts#encode encoded}. */
    @Column(length = 500)
    public String reasonArgs;
    @Column(length = 64)
    public String actor;
    public Instant changedAt;
}
