package web

import (
	"encoding/xml"
	"net/http"
	"strconv"

	"github.com/aswaq/aswaq/internal/i18n"
)

// sitemapLimit keeps one sitemap under the 50,000 addresses search engines accept.
const sitemapLimit = 20000

type sitemapURL struct {
	Loc       string          `xml:"loc"`
	Alternate []sitemapAltURL `xml:"xhtml:link"`
}

type sitemapAltURL struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type sitemapSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemap lists the public pages, each with its versions in every language, so that the
// catalogue of small producers is found by search engines long after the fair.
func (h *Handlers) sitemap(w http.ResponseWriter, r *http.Request) {
	orgs, products, err := h.catalogue.PublicIDs(r.Context(), sitemapLimit)
	if err != nil {
		h.Log.Error("sitemap", "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	set := sitemapSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	add := func(path string) {
		u := sitemapURL{Loc: h.link(string(i18n.Default), path)}
		for _, l := range i18n.All {
			u.Alternate = append(u.Alternate, sitemapAltURL{Rel: "alternate", Hreflang: string(l), Href: h.link(string(l), path)})
		}
		set.URLs = append(set.URLs, u)
	}
	add("/")
	add("/catalogue")
	for _, id := range orgs {
		add("/catalogue/organisations/" + strconv.FormatInt(id, 10))
	}
	for _, id := range products {
		add("/catalogue/products/" + strconv.FormatInt(id, 10))
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write([]byte(xml.Header))
	xml.NewEncoder(w).Encode(set)
}

// robots points crawlers to the sitemap and away from the work pages.
func (h *Handlers) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	body := "User-agent: *\n"
	for _, l := range i18n.All {
		body += "Disallow: /" + string(l) + "/admin/\n"
	}
	body += "Sitemap: " + h.BaseURL + "/sitemap.xml\n"
	w.Write([]byte(body))
}
