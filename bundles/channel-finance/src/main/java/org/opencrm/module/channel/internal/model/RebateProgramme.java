package org.opencrm.module.channel.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.*;

/** A rebate programme: per period and grade, volume tiers on net sell-in (WHOLE or MARGINAL) and a target bonus. */
@Entity
@Table(name = "CF_REBATE_PROGRAMME", uniqueConstraints = @UniqueConstraint(name = "CF_REBATE_PROGRAMME_CODE", columnNames = "CODE"))
public class RebateProgramme {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "REBATE_PROGRAMME")
    @TableGenerator(name = "REBATE_PROGRAMME", table = "CF_SEQUENCE", pkColumnValue = "REBATE_PROGRAMME", allocationSize = 50)
    public Long id;
    @Column(length = 40, nullable = false)
    public String code;
    @Column(length = 200, nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public RebatePeriod period;
    /** The grade whose partners take part; null: every grade. */
    @Column(length = 20)
    public String grade;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public TierMode mode;
    /** Tiers as "thresholdFen:ratePercent;..." ascending, e.g. "0:1;50000000:2". */
    @Column(length = 1000, nullable = false)
    public String tiers;
    public long targetFen;
    public long bonusFen;
    public boolean active = true;
    @Column(length = 64)
    public String createdBy;
    public Instant createdAt;
}
