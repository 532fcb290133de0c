#include "graph/assembler_thread.hpp"

namespace diplograph::detail {

namespace {
constexpr std::size_t batch_size = 4096;
constexpr std::size_t max_queued = 8;  // bounds the memory of items read but not yet assembled
}  // namespace

AssemblerThread::AssemblerThread(Assembler& assembler) : assembler_(assembler) {
  if (std::thread::hardware_concurrency() > 1) thread_ = std::thread([this] { run(); });
}

AssemblerThread::~AssemblerThread() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

NodeData& AssemblerThread::node_slot() {
  if (filling_.node_count == filling_.nodes.size()) filling_.nodes.emplace_back();
  return filling_.nodes[filling_.node_count];
}

void AssemblerThread::commit_node() {
  ++filling_.node_count;
  if (filling_.size() >= batch_size) hand_over();
}

EdgeData& AssemblerThread::edge_slot() {
  if (filling_.edge_count == filling_.edges.size()) filling_.edges.emplace_back();
  return filling_.edges[filling_.edge_count];
}

void AssemblerThread::commit_edge() {
  ++filling_.edge_count;
  if (filling_.size() >= batch_size) hand_over();
}

// The Assembler reads the items without keeping their strings, so they can be filled again.
void AssemblerThread::assemble(Batch& batch) {
  for (std::size_t i = 0; i < batch.node_count; ++i) assembler_.add_node(std::move(batch.nodes[i]));
  for (std::size_t i = 0; i < batch.edge_count; ++i) assembler_.add_edge(std::move(batch.edges[i]));
  batch.clear();
}

void AssemblerThread::hand_over() {
  if (!thread_.joinable()) return assemble(filling_);
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < max_queued || error_; });
  if (error_) {
    filling_.clear();  // the Assembler failed; drain() reports why
    return;
  }
  queue_.push_back(std::move(filling_));
  filling_ = {};
  if (!spare_.empty()) {
    filling_ = std::move(spare_.front());
    spare_.pop_front();
  }
  lock.unlock();
  changed_.notify_all();
}

void AssemblerThread::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return !queue_.empty() || stop_; });
    if (queue_.empty()) return;
    Batch batch = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    changed_.notify_all();
    std::exception_ptr error;
    try {
      if (!error_) assemble(batch);
    } catch (...) {
      error = std::current_exception();
    }
    batch.clear();  // also when skipped after a failure
    lock.lock();
    spare_.push_back(std::move(batch));
    busy_ = false;
    if (error) error_ = error;
    changed_.notify_all();
  }
}

void AssemblerThread::drain() {
  if (filling_.size() > 0) hand_over();
  if (thread_.joinable()) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return (queue_.empty() && !busy_) || error_; });
  }
  if (error_) std::rethrow_exception(error_);
}

}  // namespace diplograph::detail
