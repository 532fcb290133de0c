#pragma once
// Feeds an Assembler on a second thread, in batches, so that reading a file and assembling
// its items run side by side on two cores. Until drain() returns, only that thread touches the
// Assembler (its schema, which never changes, may be read meanwhile).

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "graph/assembler.hpp"

namespace diplograph::detail {

class AssemblerThread {
 public:
  explicit AssemblerThread(Assembler& assembler);
  ~AssemblerThread();
  AssemblerThread(const AssemblerThread&) = delete;
  AssemblerThread& operator=(const AssemblerThread&) = delete;

  /// The object to read the next node into; commit_node() hands it over. The objects are
  /// recycled (a batch comes back once assembled), so their strings keep their capacity.
  NodeData& node_slot();
  void commit_node();
  EdgeData& edge_slot();
  void commit_edge();
  /// Waits until every item added is assembled; rethrows what the Assembler threw.
  void drain();

 private:
  // Nodes and edges are numbered separately, so a batch may assemble all its nodes first.
  struct Batch {
    std::vector<NodeData> nodes;  // the first node_count are filled
    std::vector<EdgeData> edges;
    std::size_t node_count = 0, edge_count = 0;
    std::size_t size() const noexcept { return node_count + edge_count; }
    void clear() noexcept { node_count = edge_count = 0; }  // keeps the objects for refilling
  };
  void assemble(Batch& batch);
  template <class Item>
  void assemble(std::vector<Item>& items, std::size_t count);
  void hand_over();
  void run();

  Assembler& assembler_;
  Batch filling_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> queue_;  // to assemble
  std::deque<Batch> spare_;  // assembled, to fill again
  bool busy_ = false;        // the thread holds a batch
  bool stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // not started on a single core: items are assembled as they come
};

}  // namespace diplograph::detail
