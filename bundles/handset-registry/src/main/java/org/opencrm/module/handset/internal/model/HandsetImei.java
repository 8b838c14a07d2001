package org.opencrm.module.handset.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.QueryHint;
import javax.persistence.Table;

/**
 * Every IMEI of every unit, one row each. Its primary key makes an IMEI unique across both slots (a dual-SIM unit's
 * second IMEI can never be another unit's first), which two per-column constraints cannot guarantee under
 * concurrent registrations.
 */
@Entity
@Table(name = "HS_IMEI")
@NamedQuery(name = HandsetImei.READ, query = "SELECT h, m, s, a FROM HandsetImei x JOIN Handset h ON h.id = x.handsetId"
        + " JOIN HandsetModel m ON m.id = h.modelId LEFT JOIN Sale s ON s.id = h.saleId LEFT JOIN Accessory a ON a.saleId = s.id WHERE x.imei = :imei",
        // ANSI inner joins, so that the outer joins hang off the unit (EclipseLink's default, inner joins in WHERE, would
        // attach them to HS_IMEI: invalid SQL). A hint on a named query is applied once, when EclipseLink prepares it; set
        // on a query per call it would make EclipseLink generate the SQL again on every call.
        hints = @QueryHint(name = "eclipselink.inner-join-in-where-clause", value = "false"))
public class HandsetImei {
    public static final String TABLE = "HS_IMEI";
    /**
     * The read path of an IMEI lookup: the unit with this IMEI in either slot, its model, its current card and the card's
     * accessories (one row each), in one statement.
     */
    public static final String READ = "HandsetImei.read";

    @Id
    @Column(length = 15)
    public String imei;
    @Column(nullable = false)
    public Long handsetId;
    /** 1 or 2. */
    public int slot;
}
