package org.opencrm.platform.core.internal.backup;

import java.io.IOException;
import java.sql.SQLException;

import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /api/v1/admin/backup: an online backup into a new folder under the configured backup folder (the caller
 * cannot name a path on the server), permission {@code platform.backup} (admin only by default). 409
 * {@code backupNotDerby} on PostgreSQL.
 */
@Component(service = BackupResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("admin/backup")
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {
    private static final Logger LOG = LoggerFactory.getLogger(BackupResource.class);
    private final DatabaseBackup backup;

    /** The answer: where the copy is (a folder on the node's disk), the database, how long it took. */
    public record BackupResult(String path, String database, long millis) {
    }

    @Activate
    public BackupResource(@Reference DatabaseBackup backup) {
        this.backup = backup;
    }

    @POST
    @ApiDoc(value = "backUpDatabase", summary = "Online backup of the embedded Derby database into a new folder on the node (409 on PostgreSQL: use pg_dump)")
    public BackupResult backUp(@Context SecurityContext sc) throws SQLException, IOException {
        CrmUser user = RestSupport.user(sc);
        user.require(BackupPermissions.BACKUP);
        DatabaseBackup.Backup b = backup.backUp(null);
        LOG.info("Backup requested by {} over REST: {}", user.getName(), b.database());
        return new BackupResult(b.database().toString(), b.product(), b.millis());
    }
}
