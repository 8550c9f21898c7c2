package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aswaq/aswaq/internal/account"
	"github.com/aswaq/aswaq/internal/apperr"
	"github.com/aswaq/aswaq/internal/i18n"
	"github.com/aswaq/aswaq/internal/importer"
	"github.com/aswaq/aswaq/internal/store"
	"github.com/aswaq/aswaq/internal/store/storetest"
)

func TestUploadsBelongToTheirUserAndExpire(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		var users []int64
		for i := range 2 {
			u := account.User{Name: "u", Email: fmt.Sprintf("u%d-%d@test.ma", i, time.Now().UnixNano()), Lang: i18n.AR}
			if err := st.Accounts().CreateUser(ctx, &u, "", []account.Grant{{Role: account.Organiser, RegionCode: "03"}}); err != nil {
				t.Fatal(err)
			}
			users = append(users, u.ID)
		}
		data := []byte("\xef\xbb\xbfالاسم;الإقليم\nتعاونية;صفرو\n")
		up := store.Upload{UserID: users[0], FileName: "سجل.csv", Data: data, Region: "03"}
		if err := st.SaveUpload(ctx, &up); err != nil {
			t.Fatal(err)
		}
		if len(up.ID) != 32 || up.Size != int64(len(data)) {
			t.Fatalf("saved %q size %d", up.ID, up.Size)
		}
		if _, err := st.Upload(ctx, up.ID, users[1], true); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("another user's upload: %v", err)
		}
		if err := st.SetUploadMapping(ctx, up.ID, users[1], importer.Mapping{}); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("another user changes the mapping: %v", err)
		}
		m := importer.Mapping{Columns: []importer.Field{importer.NameAR, importer.Ignore, importer.Province}}
		if err := st.SetUploadMapping(ctx, up.ID, users[0], m); err != nil {
			t.Fatal(err)
		}
		if err := st.SetUploadResult(ctx, up.ID, users[0], store.UploadResult{Rows: 3, Created: 2, Rejected: 1}); err != nil {
			t.Fatal(err)
		}
		got, err := st.Upload(ctx, up.ID, users[0], true)
		if err != nil {
			t.Fatal(err)
		}
		if string(got.Data) != string(data) || got.FileName != "سجل.csv" || got.Region != "03" ||
			fmt.Sprint(got.Mapping.Columns) != fmt.Sprint(m.Columns) || got.Result == nil || got.Result.Created != 2 {
			t.Fatalf("read back %+v", got)
		}
		if lean, _ := st.Upload(ctx, up.ID, users[0], false); lean.Data != nil || lean.Size != int64(len(data)) {
			t.Fatal("the file is read when not asked for")
		}
		if n, err := st.DeleteUploadsBefore(ctx, time.Now().Add(-time.Hour)); err != nil || n != 0 {
			t.Fatalf("a fresh upload was deleted: %d %v", n, err)
		}
		if n, err := st.DeleteUploadsBefore(ctx, time.Now().Add(time.Minute)); err != nil || n != 1 {
			t.Fatalf("an old upload was kept: %d %v", n, err)
		}
		if _, err := st.Upload(ctx, up.ID, users[0], false); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("a deleted upload: %v", err)
		}
	})
}
