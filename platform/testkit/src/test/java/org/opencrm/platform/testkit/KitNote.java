package org.opencrm.platform.testkit;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A module's record as modules keep them: its own table, the account it belongs to by id. */
@Entity
@Table(name = "KT_NOTE")
public class KitNote {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long accountId;
    public String text;
}
