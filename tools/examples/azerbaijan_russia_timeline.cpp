// An analysis program that links diplograph: the Azerbaijan–Russia timeline from 2020 to 2026,
// each event with its PLOVER quad class and score, then the monthly balance of cooperation and
// conflict between the two states.
//
//   diplograph-example-timeline [GRAPH]     (default: the graph-data/ of the source tree)

#include <cstdio>
#include <iostream>
#include <map>

#include <diplograph/diplograph.hpp>

namespace dg = diplograph;

namespace {

bool is_cooperation(dg::QuadClass q) {
  return q == dg::QuadClass::verbal_cooperation || q == dg::QuadClass::material_cooperation;
}

std::string fixed(double x, const char* format) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, x);
  return buf;
}

// The month an event falls in, when its date says which ("2025-10" or "2025-10-09", not "2025"
// nor a span across months).
std::optional<std::string> month_of(const dg::Date& d) {
  if (d.precision() == dg::Precision::year) return std::nullopt;
  const std::string first = dg::Date::from_days(d.earliest()).to_string().substr(0, 7);
  const std::string last = dg::Date::from_days(d.latest()).to_string().substr(0, 7);
  if (first != last) return std::nullopt;
  return first;
}

struct Balance {
  int cooperation = 0, conflict = 0;
  double score = 0;
};

}  // namespace

int main(int argc, char** argv) try {
  const dg::Graph graph = dg::load(argc > 1 ? argv[1] : DIPLOGRAPH_EXAMPLE_GRAPH);

  dg::TimelineOptions options;
  options.actors = {"azerbaijan", "russia"};
  options.from = dg::Date::parse("2020");
  options.to = dg::Date::parse("2026");
  const auto events = dg::timeline(graph, options);

  std::cout << "Azerbaijan–Russia events, 2020–2026: " << events.size() << "\n\n";
  std::printf("%-22s %-21s %6s  %s\n", "date", "quad class", "score", "event");
  std::map<std::string, Balance> months;
  int unplaced = 0;
  for (const auto& e : events) {
    const std::string quad = e.plover ? std::string(dg::quad_name(e.plover->quad)) : "-";
    const std::string score = e.plover ? fixed(e.plover->score, "%+.1f") : "";
    std::printf("%-22s %-21s %6s  %s\n", e.date.to_string().c_str(), quad.c_str(), score.c_str(),
                std::string(e.event.label()).c_str());
    if (!e.plover) continue;
    const auto month = month_of(e.date);
    if (!month) {
      ++unplaced;
      continue;
    }
    Balance& b = months[*month];
    (is_cooperation(e.plover->quad) ? b.cooperation : b.conflict) += 1;
    b.score += e.plover->score;
  }

  std::cout << "\nMonthly balance (events dated to a month or a day)\n\n";
  std::printf("%-8s %11s %8s %9s\n", "month", "cooperation", "conflict", "net score");
  for (const auto& [month, b] : months)
    std::printf("%-8s %11d %8d %9s\n", month.c_str(), b.cooperation, b.conflict, fixed(b.score, "%+.1f").c_str());
  std::cout << "\nLeft out of the balance: " << unplaced << " events dated only by year or by a span of months.\n";
  return 0;
} catch (const dg::Error& e) {
  std::cerr << e.what() << '\n';
  return 2;
}
