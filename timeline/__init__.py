"""Chinese yearbook and chronicle text -> dated events, storage and iCalendar feeds."""
