package i18n

import "time"

// Month and weekday names live here rather than in the catalogs: they are
// fixed by CLDR and Moroccan usage, not interface wording, and every
// language must have all of them.

// monthNames returns l's month names, January first (Arabic for unknown
// languages). Arabic uses the names
// Moroccan institutions use (يوليوز, غشت…), not the Levantine or Egyptian
// ones; French writes them in lower case; Tamazight uses CLDR's zgh names.
func monthNames(l Lang) [12]string {
	switch l {
	case FR:
		return [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	case EN:
		return [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	case ZGH:
		return [12]string{"ⵉⵏⵏⴰⵢⵔ", "ⴱⵕⴰⵢⵕ", "ⵎⴰⵕⵚ", "ⵉⴱⵔⵉⵔ", "ⵎⴰⵢⵢⵓ", "ⵢⵓⵏⵢⵓ", "ⵢⵓⵍⵢⵓⵣ", "ⵖⵓⵛⵜ", "ⵛⵓⵜⴰⵏⴱⵉⵔ", "ⴽⵜⵓⴱⵔ", "ⵏⵓⵡⴰⵏⴱⵉⵔ", "ⴷⵓⵊⴰⵏⴱⵉⵔ"}
	}
	return [12]string{"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"}
}

// weekdayNames returns l's full weekday names, Sunday first (time.Weekday
// order); Tamazight from CLDR zgh.
func weekdayNames(l Lang) [7]string {
	switch l {
	case FR:
		return [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	case EN:
		return [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	case ZGH:
		return [7]string{"ⴰⵙⴰⵎⴰⵙ", "ⴰⵢⵏⴰⵙ", "ⴰⵙⵉⵏⴰⵙ", "ⴰⴽⵕⴰⵙ", "ⴰⴽⵡⴰⵙ", "ⴰⵙⵉⵎⵡⴰⵙ", "ⴰⵙⵉⴹⵢⴰⵙ"}
	}
	return [7]string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}
}

// Month returns the month's name. A value outside January–December returns
// its number, never a panic.
func (z *Localizer) Month(m time.Month) string {
	if m < time.January || m > time.December {
		return itoa(int(m))
	}
	return monthNames(z.lang)[m-1]
}

// Weekday returns the weekday's full name. A value outside Sunday–Saturday
// returns its number.
func (z *Localizer) Weekday(d time.Weekday) string {
	if d < time.Sunday || d > time.Saturday {
		return itoa(int(d))
	}
	return weekdayNames(z.lang)[d]
}
