package al.sportel.desktop.queue;

import al.sportel.desktop.app.I18n;
import al.sportel.model.ServiceInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The branch's services by id, named the way the counter screen shows them ("P · Pagesa"). */
public final class ServiceNames {

    private final I18n i18n;
    private final Map<Long, ServiceInfo> services;

    public ServiceNames(I18n i18n, List<ServiceInfo> services) {
        this.i18n = i18n;
        this.services = services.stream().collect(Collectors.toMap(ServiceInfo::id, s -> s, (a, b) -> a, LinkedHashMap::new));
    }

    /** The letter and the name in the screen's language, or "" for a service this list does not know. */
    public String name(long serviceId) {
        ServiceInfo s = services.get(serviceId);
        if (s == null) {
            return "";
        }
        return s.letter() + " · " + ("en".equals(i18n.lang()) ? s.nameEn() : s.name());
    }

    /** The services in the order they were given. */
    public List<ServiceInfo> all() {
        return List.copyOf(services.values());
    }
}
