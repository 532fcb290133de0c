#pragma once
/// \file
/// Deprecated: the JSON functions moved to diplograph/json.hpp and write_file_atomically() to
/// diplograph/atomic_file.hpp. This forwarding header stays for the 0.1 release and goes in 0.2;
/// include those two instead.

#include "diplograph/atomic_file.hpp"
#include "diplograph/json.hpp"
