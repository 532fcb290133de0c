#pragma once
/// \file
/// Everything diplograph offers, in one include.

#include "diplograph/algo.hpp"
#include "diplograph/atomic_file.hpp"
#include "diplograph/date.hpp"
#include "diplograph/dot.hpp"
#include "diplograph/error.hpp"
#include "diplograph/graph.hpp"
#include "diplograph/html.hpp"
#include "diplograph/interchange.hpp"
#include "diplograph/json.hpp"
#include "diplograph/query.hpp"
#include "diplograph/schema.hpp"
#include "diplograph/value.hpp"
#include "diplograph/view.hpp"
