package org.opencrm.platform.rest.internal;

import javax.ws.rs.core.Application;

import org.opencrm.platform.api.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** The one JAX-RS application at /api/v1; resources of the core and of modules attach to it by name. */
@Component(service = Application.class)
@JaxrsApplicationBase(CrmRest.BASE_PATH)
@JaxrsName(CrmRest.APPLICATION_NAME)
public class CrmApplication extends Application {
}
