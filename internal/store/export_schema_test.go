package store

import "database/sql"

// DBForTest returns the store's database handle, for tests that read the schema the
// migrations left (schema_test.go). Being in a _test.go file, it exists only in tests.
func (s *Store) DBForTest() *sql.DB { return s.db }
