// Command importgen writes a realistic council registry of organisations as an XLSX file
// (Arabic headers with some French ones, title rows above the header, extra columns, and
// the usual dirt: empty rows, Arabic-Indic digits, phones written 0612-345678, numbers kept
// as spreadsheet numbers, a few invalid ICEs, unknown provinces, bad phones and repeated
// rows), and can time `aswaq import organisations` on it, run as a separate process, into
// a fresh SQLite database and a fresh PostgreSQL schema: wall time and peak resident
// memory (getrusage), for a first import and for a second one of the same file (which
// must change nothing).
//
//	go run ./bench/importgen --rows 60000 --out /tmp/registry.xlsx --sqlite \
//	    --postgres postgres://postgres@127.0.0.1:5432/aswaq_dev
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"github.com/aswaq/aswaq/bench/internal/benchdb"
	"log"
	mrand "math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/xuri/excelize/v2"

	"github.com/aswaq/aswaq/internal/geo"
)

func main() {
	rows := flag.Int("rows", 60000, "data rows to write")
	out := flag.String("out", "registry.xlsx", "XLSX file to write")
	seed := flag.Uint64("seed", 1, "random seed (the same seed writes the same file)")
	sqlite := flag.Bool("sqlite", false, "time an import into a fresh SQLite database")
	pg := flag.String("postgres", "", "time an import into a fresh schema of this PostgreSQL database")
	bin := flag.String("aswaq", "", "aswaq binary to run (default: build ./cmd/aswaq)")
	flag.Parse()
	start := time.Now()
	stats, err := generate(*out, *rows, *seed)
	if err != nil {
		log.Fatal(err)
	}
	info, _ := os.Stat(*out)
	fmt.Printf("wrote %s: %d data rows (%d empty, %d invalid ICE, %d unknown province, %d bad phone, %d repeated), %.1f MB, in %v\n",
		*out, *rows, stats.empty, stats.badICE, stats.badProvince, stats.badPhone, stats.repeated,
		float64(info.Size())/1e6, time.Since(start).Round(time.Millisecond))
	if !*sqlite && *pg == "" {
		return
	}
	work, err := os.MkdirTemp("", "importgen-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	if *bin == "" {
		*bin = filepath.Join(work, "aswaq")
		build := exec.Command("go", "build", "-o", *bin, "./cmd/aswaq")
		build.Stdout, build.Stderr = os.Stdout, os.Stderr
		if err := build.Run(); err != nil {
			log.Fatalf("building aswaq: %v", err)
		}
	}
	if *sqlite {
		db := filepath.Join(work, "bench.db")
		bench(*bin, "SQLite", []string{"--data", work, "--db", db}, *out)
	}
	if *pg != "" {
		dsn, drop, err := benchdb.Schema(context.Background(), *pg, "bench")
		if err != nil {
			log.Fatal(err)
		}
		defer drop()
		bench(*bin, "PostgreSQL", []string{"--data", work, "--db", dsn}, *out)
	}
}

// bench migrates, then imports the file twice, timing each import.
func bench(bin, engine string, dbArgs []string, file string) {
	if out, err := exec.Command(bin, append([]string{"migrate"}, dbArgs...)...).CombinedOutput(); err != nil {
		log.Fatalf("%s: migrate: %v\n%s", engine, err, out)
	}
	for i, label := range []string{"first import", "second import (same file)"} {
		cmd := exec.Command(bin, append(append([]string{"import", "organisations", file, "--lang", "en"}, dbArgs...), "--rejected", filepath.Join(filepath.Dir(dbArgs[1]), fmt.Sprintf("rejected-%d.xlsx", i)))...)
		var stdout strings.Builder
		cmd.Stdout = &stdout
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start)
		if err != nil {
			log.Fatalf("%s: %s: %v\n%s", engine, label, err, stdout.String())
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		fmt.Printf("%s, %s: wall %v, peak RSS %.0f MB, user %v, sys %v\n", engine, label, wall.Round(time.Millisecond),
			float64(ru.Maxrss)/1024, time.Duration(ru.Utime.Nano()).Round(time.Millisecond), time.Duration(ru.Stime.Nano()).Round(time.Millisecond))
		sc := bufio.NewScanner(strings.NewReader(stdout.String()))
		for sc.Scan() {
			if line := sc.Text(); strings.HasPrefix(line, "Rows read") || strings.HasPrefix(line, "Created") ||
				strings.HasPrefix(line, "Rows that match") || strings.HasPrefix(line, "Possible duplicates") {
				fmt.Println("    " + line)
			}
		}
	}
}

type genStats struct{ empty, badICE, badProvince, badPhone, repeated int }

var (
	baseNames = []string{"الأمل", "النور", "الخير", "البركة", "الوفاء", "الفلاح", "النجاح", "الإخلاص", "التضامن", "الوحدة",
		"تيفاوت", "أكدال", "تازيري", "إيمان", "السلام", "الأطلس", "الريف", "الواحة", "الزيتونة", "النخلة", "السنبلة",
		"المستقبل", "الرحمة", "الهدى", "الفتح", "الياسمين", "تودرت", "أمازيغ", "تيليلا", "أسافو", "النهضة", "الصفاء"}
	places = []string{"أيت علي", "تامسنا", "بني يازغة", "عين الشقف", "سيدي يوسف", "أولاد جامع", "تاغزوت", "إيموزار",
		"المنزل", "رباط الخير", "أهرمومو", "البهاليل", "عين تيمكناي", "تافراوت", "أكلموس", "تيغسالين", "أيت إسحاق",
		"القباب", "مولاي بوعزة", "لهري", "تونفيت", "أيت يحيى", "بومية", "زايدة", "أغبالو", "إملشيل", "تنجداد", "ألنيف"}
	activities = []struct{ word, sector string }{
		{"العسل", "المنتوجات المجالية"}, {"زيت الزيتون", "المنتوجات المجالية"}, {"الأركان", "المنتوجات المجالية"},
		{"التين", "المنتوجات المجالية"}, {"الكسكس", "المنتوجات المجالية"}, {"الأعشاب الطبية والعطرية", "المنتوجات المجالية"},
		{"الزعفران", "المنتوجات المجالية"}, {"التمور", "المنتوجات المجالية"}, {"النسيج والزرابي", "الصناعة التقليدية"},
		{"الخياطة والطرز", "الصناعة التقليدية"}, {"الفخار", "الصناعة التقليدية"}, {"النجارة", "الصناعة التقليدية"},
		{"الحلي", "الصناعة التقليدية"}, {"الصابون", "منتجات التجميل الطبيعية"}, {"Miel et amlou", "Produits du terroir"},
		{"Tissage, tapis", "Artisanat"}, {"السياحة القروية", "الخدمات"}, {"تربية الماشية", "المنتوجات المجالية"},
	}
	header = []string{"الرقم الترتيبي", "اسم الهيئة", "الشكل القانوني", "الجهة", "الإقليم", "الجماعة", "القطاع", "النشاط",
		"ICE", "رقم التسجيل", "N° récépissé", "تاريخ التأسيس", "رقم الهاتف", "E-mail", "عدد النساء", "عدد الأعضاء",
		"عدد الشباب", "تسيرها نساء", "ملاحظات"}
)

func generate(path string, n int, seed uint64) (genStats, error) {
	rng := mrand.New(mrand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	_, provs := geo.Reference()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return genStats{}, err
	}
	dateFmt := "dd/mm/yyyy"
	dateStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	row := 0
	add := func(cells []any) error {
		row++
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return sw.SetRow(cell, cells)
	}
	add([]any{"لائحة التعاونيات والجمعيات والمجموعات ذات النفع الاقتصادي المسجلة"})
	add([]any{"تاريخ التحيين: 2025/01/15"})
	add(nil)
	h := make([]any, len(header))
	for i, s := range header {
		h[i] = s
	}
	add(h)
	var st genStats
	seen := map[string]bool{}
	var written [][]any
	for i := 0; i < n; i++ {
		if rng.IntN(100) == 0 {
			st.empty++
			add(nil)
		}
		if len(written) > 10 && rng.IntN(200) == 0 {
			st.repeated++
			dup := append([]any(nil), written[rng.IntN(len(written))]...)
			dup[0] = i + 1
			add(dup)
			continue
		}
		p := provs[rng.IntN(len(provs))]
		kind := rng.IntN(100)
		var form, prefix string
		switch {
		case kind < 70:
			form, prefix = "تعاونية", "تعاونية"
		case kind < 95:
			form, prefix = "جمعية", "جمعية"
		default:
			form, prefix = "مجموعة ذات نفع اقتصادي", "مجموعة"
		}
		act := activities[rng.IntN(len(activities))]
		var name string
		for {
			name = fmt.Sprintf("%s %s %s", prefix, baseNames[rng.IntN(len(baseNames))], places[rng.IntN(len(places))])
			if rng.IntN(3) == 0 {
				name += " ل" + strings.TrimPrefix(act.word, "ال")
			}
			if !seen[p.Code+name] {
				break
			}
			name += fmt.Sprintf(" %d", rng.IntN(90)+10)
			if !seen[p.Code+name] {
				break
			}
		}
		seen[p.Code+name] = true
		province := any(p.NameAR)
		switch r := rng.IntN(20); {
		case r == 0:
			province = p.NameFR
		case r == 1:
			province = "إقليم " + p.NameAR
		case r == 2:
			province = p.Code
		}
		if rng.IntN(300) == 0 {
			st.badProvince++
			province = []string{"Atlantis", "مدينة غير معروفة", "Sahara Ouest"}[rng.IntN(3)]
		}
		var ice, reg, receipt any = "", "", ""
		year := 1995 + rng.IntN(30)
		switch form {
		case "جمعية":
			receipt = fmt.Sprintf("%d/%s", 1000+i, p.Code)
		default:
			reg = fmt.Sprintf("%d/%d", i+1, year)
			if rng.IntN(10) < 6 {
				s := validICE(rng)
				switch {
				case rng.IntN(300) == 0:
					st.badICE++
					s = s[:14] + string('0'+byte((s[14]-'0'+1)%10))
				case rng.IntN(5) == 0:
					v, _ := strconv.ParseInt(s, 10, 64)
					ice = v // kept by the sheet as a number: leading zeros lost
				}
				if ice == "" {
					ice = s
				}
			}
		}
		var founded any = ""
		d := time.Date(year, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		switch rng.IntN(10) {
		case 0, 1, 2, 3, 4:
			founded = excelize.Cell{StyleID: dateStyle, Value: d}
		case 5, 6, 7:
			founded = d.Format("02/01/2006")
		case 8:
			founded = d.Format("2006-01-02")
		}
		phone := randomPhone(rng)
		if rng.IntN(300) == 0 {
			st.badPhone++
			phone = "0612"
		}
		women := rng.IntN(30)
		total := women + rng.IntN(20)
		if total == 0 {
			total = 7
		}
		var womenCell, totalCell any = women, total
		if rng.IntN(10) == 0 {
			womenCell = arabicDigits(fmt.Sprint(women))
		}
		youth := any("")
		if rng.IntN(2) == 0 {
			youth = rng.IntN(total + 1)
		}
		womenLed := []string{"نعم", "لا", "x", "", "oui", "non"}[rng.IntN(6)]
		email := ""
		if rng.IntN(4) == 0 {
			email = fmt.Sprintf("coop%d@example.ma", i+1)
		}
		sector := act.sector
		if rng.IntN(10) == 0 {
			sector = ""
		}
		cells := []any{i + 1, name, form, "", province, places[rng.IntN(len(places))], sector, act.word, ice, reg, receipt,
			founded, phone, email, womenCell, totalCell, youth, womenLed, ""}
		if rng.IntN(50) == 0 {
			cells[18] = "ملف ناقص"
		}
		written = append(written, cells)
		if len(written) > 1000 {
			written = written[500:]
		}
		if err := add(cells); err != nil {
			return st, err
		}
	}
	if err := sw.Flush(); err != nil {
		return st, err
	}
	return st, f.SaveAs(path)
}

// validICE makes a 15-digit number that is a multiple of 97.
func validICE(rng *mrand.Rand) string {
	base := rng.Int64N(1e13)
	key := (97 - (base*100)%97) % 97
	return fmt.Sprintf("%013d%02d", base, key)
}

func randomPhone(rng *mrand.Rand) any {
	prefixes := []string{"061", "062", "065", "066", "067", "070", "071", "077"}
	digits := fmt.Sprintf("%s%07d", prefixes[rng.IntN(len(prefixes))], rng.IntN(1e7))
	switch rng.IntN(8) {
	case 0:
		return digits[:4] + "-" + digits[4:]
	case 1:
		return fmt.Sprintf("%s %s %s %s %s", digits[0:2], digits[2:4], digits[4:6], digits[6:8], digits[8:10])
	case 2:
		return "+212" + digits[1:]
	case 3:
		return arabicDigits(digits)
	case 4:
		v, _ := strconv.Atoi(digits)
		return v // a number cell: the leading zero is gone
	}
	return digits
}

func arabicDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '٠' + r - '0'
		}
		return r
	}, s)
}
