package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** One partner's rebate of a run: net sell-in, the reached tier, the volume rebate and bonus, rounded half-up once. */
@Entity
@Table(name = "CF_REBATE_RESULT", indexes = { @Index(name = "CF_REBATE_RESULT_RUN", columnList = "RUNID,ACCOUNTID"), @Index(name = "CF_REBATE_RESULT_ACCOUNT", columnList = "ACCOUNTID") })
public class RebateResult {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "REBATE_RESULT")
    @TableGenerator(name = "REBATE_RESULT", table = "CF_SEQUENCE", pkColumnValue = "REBATE_RESULT", allocationSize = 50)
    public Long id;
    public long runId;
    public long accountId;
    public long netSellInFen;
    @Column(length = 20)
    public String tierRate;
    public long volumeFen;
    public long bonusFen;
    public long totalFen;
    public Long creditNoteId;
}
