package webkit

import (
	"net/http"
	"strings"
	"time"

	"github.com/aswaq/aswaq/internal/i18n"
)

// langCookie remembers the language a visitor last read in, for the bare address "/".
const langCookie = "aswaq_lang"

// splitLang splits "/fr/fairs" into FR and "/fairs".
func SplitLang(p string) (i18n.Lang, string, bool) {
	seg, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	l, ok := i18n.Parse(seg)
	if !ok || seg != string(l) {
		return "", "", false
	}
	return l, "/" + rest, true
}

// langOfPath is the language an error page for p should use: the path's own language when
// it has a valid prefix, otherwise the default.
func LangOfPath(p string) i18n.Lang {
	if l, _, ok := SplitLang(p); ok {
		return l
	}
	return i18n.Default
}

// ChooseLanguage sends "/" to the visitor's language: the one they last chose, else the
// best match of their browser's languages, else Arabic.
func (k *Kit) ChooseLanguage(w http.ResponseWriter, r *http.Request) {
	l := i18n.Default
	if c, err := r.Cookie(langCookie); err == nil {
		if cl, ok := i18n.Parse(c.Value); ok {
			l = cl
		} else {
			l = i18n.Negotiate(r.Header.Get("Accept-Language"))
		}
	} else {
		l = i18n.Negotiate(r.Header.Get("Accept-Language"))
	}
	w.Header().Set("Vary", "Cookie, Accept-Language")
	w.Header().Set("Cache-Control", "private, no-cache")
	http.Redirect(w, r, "/"+string(l)+"/", http.StatusFound)
}

// rememberLanguage stores the page's language in a cookie when it changed, so the next
// visit to "/" opens in it.
func rememberLanguage(w http.ResponseWriter, r *http.Request, l i18n.Lang) {
	if c, err := r.Cookie(langCookie); err == nil && c.Value == string(l) {
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     langCookie,
		Value:    string(l),
		Path:     "/",
		MaxAge:   int((365 * 24 * time.Hour).Seconds()),
		HttpOnly: true,
		Secure:   r.TLS != nil,
		SameSite: http.SameSiteLaxMode,
	})
}
