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

  void add(NodeData&& node);
  void add(EdgeData&& edge);
  /// Waits until every item added is assembled; rethrows what the Assembler threw.
  void drain();

 private:
  // Nodes and edges are numbered separately, so a batch may assemble all its nodes first.
  struct Batch {
    std::vector<NodeData> nodes;
    std::vector<EdgeData> edges;
    std::size_t size() const noexcept { return nodes.size() + edges.size(); }
  };
  void assemble(Batch& batch);
  void hand_over();
  void run();

  Assembler& assembler_;
  Batch filling_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> queue_;
  bool busy_ = false;  // the thread holds a batch
  bool stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // not started on a single core: items are assembled as they come
};

}  // namespace diplograph::detail
