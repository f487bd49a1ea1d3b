// Read a feed over HTTP as Thunderbird does, with Mozilla's ical.js, and print what it
// understood as JSON: each event's UID, SUMMARY, CATEGORIES, DESCRIPTION, SEQUENCE and its
// start and end (an all-day date, or the instant as seconds since 1970).
//     node read_feed.mjs URL
import ICAL from "ical.js";

const response = await fetch(process.argv[2]);
if (!response.ok) {
  console.error(`HTTP ${response.status} for ${process.argv[2]}`);
  process.exit(1);
}
const calendar = new ICAL.Component(ICAL.parse(await response.text()));
// The feed's own VTIMEZONE defines its TZID, as a client without a zone database of its
// own would read it.
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}
const when = (time) => (time.isDate ? time.toString() : time.toUnixTime());
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    categories: component.getAllProperties("categories").flatMap((p) => p.getValues()),
    sequence: event.sequence,
    allDay: event.startDate.isDate,
    start: when(event.startDate),
    end: when(event.endDate),
  };
});
console.log(JSON.stringify({
  calendarUid: calendar.getFirstPropertyValue("uid"),
  method: calendar.getFirstPropertyValue("method"),
  encoding: response.headers.get("content-encoding"),
  events,
}));
