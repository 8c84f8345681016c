package org.caserecord.api.caseloads;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.caserecord.projections.scheduling.AgendaItem;

/**
 * The agenda as an iCalendar feed (RFC 5545, written with ical4j) that calendar applications can
 * subscribe to. One VEVENT per item with a UID that stays the same across requests (the item's
 * id), so a subscribed calendar updates events instead of duplicating them. A calendar feed
 * leaves the clinic's systems, so events carry no client name, note, purpose or location: only
 * the kind of meeting, the case id and when.
 */
final class AgendaCalendar {

    static final String UID_DOMAIN = "@caserecord";

    private AgendaCalendar() {
    }

    static String render(List<AgendaItem> items) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Case Record Service//Agenda//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        for (AgendaItem item : items) {
            calendar.add(event(item));
        }
        return calendar.toString();
    }

    private static VEvent event(AgendaItem item) {
        VEvent event;
        if (AgendaItem.MEETING.equals(item.kind())) {
            event = new VEvent(item.start(), Duration.ofMinutes(item.plannedMinutes()),
                    title(item.meetingType().name()) + " meeting");
        } else {
            event = new VEvent(item.dueOn(), item.dueOn().plusDays(1), "Follow-up due");
        }
        event.add(new Uid(item.id() + UID_DOMAIN));
        event.add(new Description("Case " + item.caseId()));
        return event;
    }

    private static String title(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
