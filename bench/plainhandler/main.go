// Command plainhandler is the baseline for page benchmarks: it fetches one page from a
// running Aswaq once, then serves exactly those bytes (and headers that matter) from
// memory with a bare net/http handler. What wrk measures against it is the limit of this
// machine for a response of that size; Aswaq's figure is compared with it.
//
//	go run ./bench/plainhandler --from http://127.0.0.1:8080/ar/ --addr 127.0.0.1:8081
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

func main() {
	from := flag.String("from", "http://127.0.0.1:8080/ar/", "page whose bytes to serve")
	addr := flag.String("addr", "127.0.0.1:8081", "address to listen on")
	flag.Parse()

	resp, err := http.Get(*from)
	if err != nil {
		log.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		log.Fatalf("fetching %s: status %d, %v", *from, resp.StatusCode, err)
	}
	ctype := resp.Header.Get("Content-Type")
	fmt.Fprintf(os.Stderr, "serving %d bytes from %s on http://%s/\n", len(body), *from, *addr)
	log.Fatal(http.ListenAndServe(*addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Write(body)
	})))
}
