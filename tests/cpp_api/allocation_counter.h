// Counts every allocation through the global operator new of the binary it is linked into, so
// a test can assert that generated lookups allocate nothing.
#pragma once

long AllocationCount();
